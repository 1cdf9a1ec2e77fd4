# The names Secket's browser code uses from Pyodide's `js` module (the page's globalThis).
# JavaScript objects reach Python as JsProxy objects: typed `Any`, read through attributes.
from typing import Any

console: Any
crypto: Any
document: Any
history: Any
location: Any
navigator: Any
window: Any

# Constructors: JavaScript classes, called as `js.X.new(...)`.
CustomEvent: Any
Event: Any
MediaStream: Any
Object: Any
RTCPeerConnection: Any
Uint8Array: Any
WebSocket: Any

def clearInterval(timer: Any, /) -> None: ...
def fetch(resource: str, options: Any = ..., /) -> Any: ...
def setInterval(handler: Any, milliseconds: int, /) -> Any: ...
