// The work Secket's page does before and when a person asks for a link, in plain JavaScript:
// an X25519 key pair from WebCrypto (non-extractable private key), SHA-256 of its public key,
// an RTCPeerConnection with a data channel and a local offer; then, on the click, a random
// link secret and a room id derived from it with HKDF, shown as a link.
const subtle = crypto.subtle;
const status = document.getElementById("status");
const button = document.getElementById("create-receive");

const b64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

async function start() {
  const pair = await subtle.generateKey({ name: "X25519" }, false, ["deriveBits"]);
  const publicKey = await subtle.exportKey("raw", pair.publicKey);
  await subtle.digest("SHA-256", publicKey);
  const peer = new RTCPeerConnection();
  peer.createDataChannel("secket", { ordered: true });
  await peer.setLocalDescription(await peer.createOffer());
  peer.close();
  status.dataset.state = "ready";
  status.textContent = "Ready.";
  button.disabled = false;
}

button.addEventListener("click", async () => {
  const secret = crypto.getRandomValues(new Uint8Array(32));
  const key = await subtle.importKey("raw", secret, "HKDF", false, ["deriveBits"]);
  const info = new TextEncoder().encode("secket room id");
  const params = { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(), info };
  await subtle.deriveBits(params, key, 128);
  document.getElementById("room-link").value = `${location.origin}/#${b64url(secret)}`;
  document.getElementById("screen-share").hidden = false;
});

start().catch((error) => {
  status.dataset.state = "error";
  status.textContent = String(error);
});
