"""Access control for the API: API keys with roles and clearances, the audit log, evidence packages."""

from api.security.keys import KeyStore, User, keys_db_path
from api.security.roles import ROLES, role_allows

__all__ = ["ROLES", "KeyStore", "User", "keys_db_path", "role_allows"]
