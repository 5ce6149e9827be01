// Pure (shared): people's names by locale, so a Munich account is staffed by believable names.
import type { Locale } from './regions';

interface NameList {
  first: readonly string[];
  last: readonly string[];
}

export const NAMES: Record<Locale, NameList> = {
  en: {
    first: ['James', 'Olivia', 'Michael', 'Emma', 'David', 'Sophia', 'Daniel', 'Ava', 'Matthew', 'Grace', 'Ryan',
      'Chloe', 'Andrew', 'Hannah', 'Kevin', 'Rachel', 'Brian', 'Megan', 'Jason', 'Laura', 'Eric', 'Sarah', 'Mark',
      'Jessica', 'Thomas', 'Emily', 'Chris', 'Natalie', 'Samuel', 'Priya', 'Marcus', 'Aisha', 'Liam', 'Zoe'],
    last: ['Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Anderson', 'Thompson', 'Walker', 'Harris', 'Clark',
      'Lewis', 'Robinson', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter',
      'Mitchell', 'Campbell', 'Parker', 'Evans', 'Collins', 'Murphy', 'Cooper', 'Reed', 'Bailey', 'Hughes', 'Patel'],
  },
  de: {
    first: ['Lukas', 'Anna', 'Jonas', 'Lea', 'Felix', 'Laura', 'Maximilian', 'Julia', 'Tobias', 'Katharina',
      'Stefan', 'Sabine', 'Andreas', 'Claudia', 'Markus', 'Nina', 'Florian', 'Miriam', 'Jan', 'Sophie'],
    last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz',
      'Koch', 'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun', 'Hofmann', 'Keller'],
  },
  fr: {
    first: ['Camille', 'Louis', 'Manon', 'Hugo', 'Chloé', 'Antoine', 'Léa', 'Nicolas', 'Élodie', 'Julien',
      'Claire', 'Mathieu', 'Inès', 'Thibault', 'Margaux', 'Olivier'],
    last: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
      'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'Fournier'],
  },
  nl: {
    first: ['Daan', 'Sanne', 'Bram', 'Lotte', 'Joris', 'Femke', 'Ruben', 'Eva', 'Thijs', 'Iris', 'Pieter', 'Maaike'],
    last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer',
      'Mulder', 'Peeters', 'Janssens'],
  },
  nordic: {
    first: ['Erik', 'Ingrid', 'Lars', 'Sofia', 'Magnus', 'Astrid', 'Anders', 'Elin', 'Johan', 'Freja', 'Mikko',
      'Aino', 'Henrik', 'Sigrid'],
    last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsen', 'Hansen', 'Olsen', 'Virtanen',
      'Korhonen', 'Lindqvist', 'Berg', 'Dahl', 'Nyström'],
  },
  es: {
    first: ['Alejandro', 'Lucía', 'Diego', 'Valentina', 'Javier', 'Camila', 'Carlos', 'Sofía', 'Andrés', 'Mariana',
      'Fernando', 'Gabriela', 'Mateo', 'Daniela'],
    last: ['García', 'Rodríguez', 'Martínez', 'López', 'González', 'Hernández', 'Pérez', 'Sánchez', 'Ramírez',
      'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz'],
  },
  pt: {
    first: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Larissa', 'Gabriel', 'Fernanda', 'Rafael', 'Juliana',
      'Thiago', 'Carolina'],
    last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima', 'Pereira', 'Costa', 'Ferreira', 'Almeida', 'Carvalho',
      'Ribeiro', 'Gomes'],
  },
  ja: {
    first: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Sakura', 'Takumi', 'Hina', 'Kenji', 'Yuki', 'Daiki', 'Mei'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi',
      'Kato', 'Yoshida', 'Yamada'],
  },
  in: {
    first: ['Aarav', 'Ananya', 'Rohan', 'Priya', 'Vikram', 'Kavya', 'Arjun', 'Neha', 'Rahul', 'Divya', 'Sanjay',
      'Meera', 'Karthik', 'Pooja'],
    last: ['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Singh', 'Kumar', 'Mehta', 'Rao', 'Joshi',
      'Menon', 'Banerjee', 'Desai'],
  },
  ar: {
    first: ['Omar', 'Layla', 'Ahmed', 'Fatima', 'Khalid', 'Noor', 'Yousef', 'Mariam', 'Hassan', 'Sara', 'Tariq',
      'Huda'],
    last: ['Al Mansouri', 'Haddad', 'Khalil', 'Nasser', 'Saleh', 'Al Farsi', 'Rahman', 'Aziz', 'Hamdan',
      'Qureshi', 'Farouk', 'Said'],
  },
};
