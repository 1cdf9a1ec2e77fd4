"""The page as a pure state machine (``machine.Page``): its inputs, its effects, no ``js``."""
