from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from core.ratelimits import limited

from . import views
from .forms import EmailSignInForm, QueuedPasswordResetForm

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
    path("sign-up/", views.sign_up, name="sign-up"),
    path("sign-up/sent/", views.sign_up_sent, name="sign-up-sent"),
    path("verify/<uidb64>/<token>/", views.verify, name="verify"),
    path("email/", views.change_email, name="email"),
    path("email/confirm/<token>/", views.confirm_email, name="email-confirm"),
    path("password/", views.PasswordChangeView.as_view(), name="password"),
    path("claim/<slug:slug>/", views.claim_profile, name="claim"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/<int:pk>/decide/", views.decide_claim, name="decide-claim"),
    path("orcid/connect/", views.connect_orcid, name="orcid-connect"),
    path("orcid/done/", views.orcid_done, name="orcid-done"),
    path("orcid/disconnect/", views.disconnect_orcid, name="orcid-disconnect"),
    path("my-data/", views.download_my_data, name="my-data"),
    path("close/", views.close_account, name="close"),
    path(
        "password-reset/",
        # Each request sends an email: limited, so the form cannot be used to flood someone's inbox.
        limited("password-reset", methods=["POST"])(
            auth_views.PasswordResetView.as_view(
                form_class=QueuedPasswordResetForm,
                success_url=reverse_lazy("accounts:password-reset-done"),
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
