"""Secket: hand a secret to one person, end-to-end encrypted and verified, peer to peer."""
