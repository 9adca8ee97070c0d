import OpenAI from "openai";

const client = new OpenAI();

/** Two passes: draft a post, then have the model critique its own draft. */
export async function draftAndCritique(topic: string): Promise<string> {
  const ask = `Draft a short post about ${topic}.`;
  const draft = await client.responses.create({
    model: "gpt-5.4",
    input: [{ role: "user", content: ask }],
  });
  const critique = await client.responses.create({
    model: "gpt-5.4",
    input: [
      { role: "user", content: ask },
      ...draft.output
        .filter((item) => item.type === "message")
        .map(({ role, content }) => ({ role, content })),
      { role: "user", content: "Now critique the draft: what is weak, what is missing?" },
    ],
  });
  return critique.output_text;
}

/** Seeds a follow-up request with the draft's last message only. */
export function lastDraftMessage(draft: OpenAI.Responses.Response) {
  const message = draft.output.findLast((item) => item.type === "message");
  return message ? [{ role: "assistant" as const, content: message.content }] : [];
}
