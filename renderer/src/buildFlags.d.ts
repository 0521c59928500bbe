/** Compile-time flags set by electron.vite.config.ts (`define`). */
declare const __BENCH__: boolean
