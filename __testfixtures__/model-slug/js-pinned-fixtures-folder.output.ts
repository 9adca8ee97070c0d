// Recorded from production on 2026-03-20; replayed by the HTTP mock in integration tests.
export const recordedResponse = {
  id: "resp_68a1f0c2e4b08190a1b2c3d4e5f60718",
  object: "response",
  created_at: 1774000000,
  status: "completed",
  model: "gpt-5.4",
  output: [
    {
      type: "message",
      id: "msg_68a1f0c3a6c48190b2c3d4e5f6071829",
      role: "assistant",
      content: [{ type: "output_text", text: "Your order shipped yesterday.", annotations: [] }],
    },
  ],
  usage: { input_tokens: 412, output_tokens: 9, total_tokens: 421 },
};
