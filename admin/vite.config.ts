import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

const root = fileURLToPath(new URL(".", import.meta.url));
const apiTarget = process.env.LAPERA_API_URL ?? "http://127.0.0.1:4000";

// The built admin is served by the API process at /admin (see server/src/http).
export default defineConfig({
  root,
  base: "/admin/",
  plugins: [
    react(),
    // A service worker keeps the built app on the device, so that a collector can open collector
    // mode in a market without signal (the data side is the IndexedDB outbox, src/collector). Only
    // the app's own files are cached; /graphql always goes to the network.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script-defer",
      manifest: false,
      workbox: {
        globPatterns: ["**/*.{js,css,html,woff2}"],
        navigateFallback: "index.html",
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir: fileURLToPath(new URL("./dist", import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // react-admin + MUI are one large vendor graph; the app is an internal back-office.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/graphql": { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      "/graphql": { target: apiTarget, changeOrigin: true },
    },
  },
});
