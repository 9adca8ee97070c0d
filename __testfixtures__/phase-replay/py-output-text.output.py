from fastapi import FastAPI
from openai import AsyncOpenAI
from pydantic import BaseModel

app = FastAPI()
client = AsyncOpenAI()
sessions: dict[str, list[dict]] = {}


class ChatRequest(BaseModel):
    session_id: str
    message: str


@app.post("/chat")
async def chat(req: ChatRequest) -> dict:
    history = sessions.setdefault(req.session_id, [])
    history.append({"role": "user", "content": req.message})
    resp = await client.responses.create(model="gpt-5.4", input=history)
    history.append({"role": "assistant", "content": resp.output_text})
    return {"reply": resp.output_text}
