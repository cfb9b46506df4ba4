// The hashes, secrets and password hashing Storage keeps (SHA-256, HMAC, PBKDF2, scrypt, tokens
// and references) live in the module Hashing, compiled optimised even in debug builds (a staff
// password takes 600,000 PBKDF2 rounds: about 0.4 s optimised, twenty times that without), and
// come with Storage to everyone who imports it.
@_exported public import Hashing
