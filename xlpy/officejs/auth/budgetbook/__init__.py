"""The auth provider `budgetbook`: the Authorization header carries the user's key (xlpy.server_users)."""

from fastapi import HTTPException, status
from xlwings_server.models import User

from xlpy.server_handlers import context
from xlpy.server_users import read_users, user_of


async def validate_token(token_string: str) -> User:
    name = user_of(token_string, read_users(context().settings.users))
    if name is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED,
                            detail="Ukendt eller manglende adgangsnøgle: skriv din nøgle i opgavepanelet Budget")
    return User(id=name, name=name)
