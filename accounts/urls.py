from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from core.ratelimits import limited

from . import views
from .forms import EmailSignInForm

app_name = "accounts"
urlpatterns = [
    path("", views.account, name="account"),
    path(
        "sign-in/",
        limited("sign-in", methods=["POST"])(
            auth_views.LoginView.as_view(authentication_form=EmailSignInForm)
        ),
        name="sign-in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign-out"),
    path(
        "password-reset/",
        # Each request sends an email: limited, so the form cannot be used to flood someone's inbox.
        limited("password-reset", methods=["POST"])(
            auth_views.PasswordResetView.as_view(
                success_url=reverse_lazy("accounts:password-reset-done"),
                email_template_name="registration/password_reset_email.txt",
                subject_template_name="registration/password_reset_subject.txt",
            )
        ),
        name="password-reset",
    ),
    path("password-reset/sent/", auth_views.PasswordResetDoneView.as_view(), name="password-reset-done"),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            success_url=reverse_lazy("accounts:password-reset-complete")
        ),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/", auth_views.PasswordResetCompleteView.as_view(), name="password-reset-complete"
    ),
]
