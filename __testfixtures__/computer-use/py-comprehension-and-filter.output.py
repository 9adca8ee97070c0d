from openai import OpenAI

client = OpenAI()
TOOLS = [{"type": "computer"}]


async def drive(desktop, task):
    response = client.responses.create(model="gpt-5.5", tools=TOOLS, input=task)
    while True:
        pending = [out for out in response.output if out and out.type == "computer_call"]
        if not pending:
            break
        call = pending[0]
        for action in getattr(call, "actions", None) or [call.action]:
            await desktop.perform(action)
        shot = await desktop.screenshot()
        response = client.responses.create(
            model="gpt-5.5",
            previous_response_id=response.id,
            tools=TOOLS,
            input=[{"type": "computer_call_output", "call_id": call.call_id, "output": {"type": "input_image", "image_url": shot}}],
        )
    return response
