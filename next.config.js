/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  experimental: { authInterrupts: true },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pino",
  ],
  distDir: process.env.TRELLIS_DIST_DIR || ".next",
};

module.exports = nextConfig;
