// Renderer: the friendly placeholder of a page that is not built yet.
export function ComingSoon({ title, sentence }: { title: string; sentence: string }) {
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{title}</h1>
      </header>
      <div className="coming-soon">
        <p>{sentence}</p>
      </div>
    </section>
  );
}
