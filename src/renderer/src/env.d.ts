// Renderer: the build-time values vite puts on import.meta.env (DEV, MODE, VITE_* variables).
/// <reference types="vite/client" />
