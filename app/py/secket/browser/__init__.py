"""Browser adapters: the only code that imports ``js`` and ``pyodide``."""
