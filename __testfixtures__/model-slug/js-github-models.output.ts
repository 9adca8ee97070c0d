import OpenAI from "openai";

// GitHub Models speaks the OpenAI API; model ids carry the publisher prefix.
const client = new OpenAI({
  baseURL: "https://models.github.ai/inference",
  apiKey: process.env.GITHUB_TOKEN,
});

export async function reviewDiff(diff: string) {
  const completion = await client.chat.completions.create({
    model: "openai/gpt-5.5",
    messages: [
      { role: "system", content: "Review this diff. List bugs first, then style nits." },
      { role: "user", content: diff },
    ],
  });
  return completion.choices[0]?.message.content ?? "";
}

export async function explain(code: string) {
  const completion = await client.chat.completions.create({
    model: "openai/gpt-5.4-mini",
    messages: [{ role: "user", content: `Explain:\n${code}` }],
  });
  return completion.choices[0]?.message.content ?? "";
}

export async function triage(issue: string) {
  const completion = await client.chat.completions.create({
    model: "openai/gpt-5.4",
    temperature: 0,
    messages: [{ role: "user", content: `Label this issue as bug, feature or question:\n${issue}` }],
  });
  return completion.choices[0]?.message.content ?? "";
}
