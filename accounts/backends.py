from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailBackend(ModelBackend):
    """Signs people in with their email address and password.

    Several accounts with the same address could not be told apart, so then nobody is signed in.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or not password:
            return None
        users = list(get_user_model()._default_manager.filter(email__iexact=username.strip())[:2])
        if len(users) != 1:
            # Run the hasher anyway, so that timing does not tell which addresses have accounts.
            get_user_model()().set_password(password)
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def lockout_username(request, credentials: dict | None = None) -> str:
    """The name django-axes counts failed sign-ins under: the address as sign-in matches it, whatever
    its case or surrounding spaces, so that `RES@example.org` is locked out with `res@example.org`."""
    source = credentials if credentials else getattr(request, "data", request.POST)
    return (source.get("username") or "").strip().casefold()


def lockout_log_name(username, ip_address, user_agent, path_info, request) -> str:
    """How django-axes names a sign-in attempt in its log lines: never the address typed or the client's IP
    (personal data), and the path as the request log writes it, so a secret link's token (signing in from
    the verification link) is masked."""
    from core.middleware import loggable_path

    path = loggable_path(request) if request is not None else "-"
    return f'{{username: "********************", path_info: "{path}"}}'
