#!/usr/bin/env node
// `npx stripe-widget-kit-backend`: the reference backend (server/cli.ts, built to dist/server/cli.js)
// from an installed package. Simulator mode without STRIPE_SECRET_KEY; stripe mode needs `stripe`.
import '../dist/server/cli.js';
