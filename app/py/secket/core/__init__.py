"""The sans-I/O protocol core.

Nothing in this package imports ``js`` or ``pyodide``: it runs unchanged under CPython
(where it is tested) and under Pyodide in the browser. Crypto that the standard library
lacks (X25519, AES-GCM) and randomness come in through :class:`secket.core.port.CryptoPort`.
"""

PROTOCOL_VERSION = 1
