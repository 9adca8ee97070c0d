import * as path from "path";

export async function run() {
  const settings = {
    apiProvider: "openrouter",
    openRouterModelId: "openai/gpt-5.4",
  };
  return runSuite(path.resolve(__dirname, "."), settings);
}

declare function runSuite(dir: string, settings: object): Promise<void>;
