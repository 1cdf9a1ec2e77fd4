// Keeps PyScript's IndexedDB databases in memory, so that the page leaves no trace on disk.
//
// PyScript 0.7.31 opens two databases through @webreflection/idb-map, which names each one
// "IDBMap/<name>":
// - "IDBMap/@pyscript.fs", opened as soon as PyScript's core module is evaluated (it would
//   remember folders mounted with pyscript.fs.mount, which Secket never calls);
// - "IDBMap/<origin>@<Pyodide version>", opened by its Pyodide loader on every start (it
//   would cache the lock file of packages installed with micropip; Secket installs none).
// Opening a database creates it, empty or not, and it stays in the browser profile: a
// record that this site was used. No PyScript setting turns either off.
//
// This module is imported by boot.js before PyScript, so its `indexedDB.open` answers those
// names, and only those, with a database held in this page's memory: the little of the
// IndexedDB API idb-map uses (one object store; count, clear, delete, get, getKey,
// getAllKeys, put; close), with its events fired asynchronously as IndexedDB fires them.
// Nothing is written anywhere, and it is gone with the page. Any other name goes to the
// real IndexedDB, where the end-to-end tests would see it (tests/e2e/test_flows.py,
// test_nothing_is_stored_in_the_browser).

const PREFIX = "IDBMap/";
const databases = new Map(); // name -> Map(store name -> Map(key -> value))

// A request whose outcome is known now and announced as IndexedDB does: after the caller
// has had the chance to set its handlers.
function request(source, compute) {
  const req = { source, result: undefined, error: null, readyState: "pending" };
  queueMicrotask(() => {
    req.result = compute();
    req.readyState = "done";
    req.onsuccess?.({ type: "success", target: req });
  });
  return req;
}

function objectStore(name, entries) {
  const store = {
    name,
    count: () => request(store, () => entries.size),
    clear: () => request(store, () => void entries.clear()),
    delete: (key) => request(store, () => void entries.delete(key)),
    get: (key) => request(store, () => entries.get(key)),
    getKey: (key) => request(store, () => (entries.has(key) ? key : undefined)),
    getAllKeys: () => request(store, () => [...entries.keys()]),
    put: (value, key) => request(store, () => (entries.set(key, structuredClone(value)), key)),
  };
  return store;
}

function memoryDatabase(name) {
  if (!databases.has(name)) databases.set(name, new Map());
  const stores = databases.get(name);
  return {
    name,
    version: 1,
    get objectStoreNames() {
      return Object.assign([...stores.keys()], { contains: (store) => stores.has(store) });
    },
    createObjectStore(store) {
      if (!stores.has(store)) stores.set(store, new Map());
      return objectStore(store, stores.get(store));
    },
    transaction(store) {
      if (!stores.has(store)) stores.set(store, new Map());
      return { objectStore: () => objectStore(store, stores.get(store)) };
    },
    close() {},
  };
}

const factory = globalThis.indexedDB;
if (factory) {
  const open = factory.open.bind(factory);
  factory.open = (name, ...rest) =>
    typeof name === "string" && name.startsWith(PREFIX)
      ? request(null, () => memoryDatabase(name))
      : open(name, ...rest);
}
