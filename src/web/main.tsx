import "@mantine/core/styles.css";
import "./app/global.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Providers } from "./app/providers";
import { AuthGate } from "./features/auth/auth-gate";

const container = document.getElementById("root");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Providers>
        <AuthGate />
      </Providers>
    </StrictMode>,
  );
}
