import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = process.env.API_URL ?? "http://127.0.0.1:4000";

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    // Same-origin in development too: the session cookie and the WebSocket need it.
    proxy: {
      "/graphql": { target: api, ws: true, changeOrigin: false },
      "/uploads": { target: api, changeOrigin: false },
      "/attachments": { target: api, changeOrigin: false },
      "/exports": { target: api, changeOrigin: false },
    },
  },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
});
