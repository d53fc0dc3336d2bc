#!/usr/bin/env node
// `npm run dev`: the server restarts on change (tsx watch) and Vite serves the web app with hot
// reload on http://127.0.0.1:5173, proxying /api to the server on PORT (8080).
import { spawn } from 'node:child_process';

const children = [
  spawn('node', ['--import', 'tsx', '--watch', 'packages/server/src/cli.ts', 'serve', '--demo'], {
    stdio: 'inherit',
    env: { ...process.env, LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty' },
  }),
  spawn('npm', ['run', 'dev', '-w', '@yiwang/web'], { stdio: 'inherit' }),
];

const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) child.on('exit', () => stop('SIGTERM'));
