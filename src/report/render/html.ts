import type { RenderFormatter } from "./index.js";

// Placeholder while this format is being written (replaced by its real module).
export const html: RenderFormatter = () => {
  throw new Error("journey render --format html is not written yet");
};
