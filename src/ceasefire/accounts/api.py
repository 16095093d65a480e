"""REST endpoints for organisations, accounts, roles, passwords and the caller's API tokens."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ceasefire.accounts import selectors, services
from ceasefire.accounts.models import ApiToken, Organisation, User
from ceasefire.api.auth import acting_user
from ceasefire.api.validation import validated
from ceasefire.domain.policy import OrganisationKind, Role

ROLES = [role.value for role in Role if role is not Role.PUBLIC]


class OrganisationOut(serializers.ModelSerializer[Organisation]):
    class Meta:
        model = Organisation
        fields = ["code", "name", "kind"]


class UserOut(serializers.ModelSerializer[User]):
    organisation: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "organisation", "role", "is_active"]


class TokenOut(serializers.ModelSerializer[ApiToken]):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "prefix", "created_at", "revoked_at"]


class OrganisationListApi(APIView):
    class Input(serializers.Serializer[Any]):
        code = serializers.CharField(max_length=8)
        name = serializers.CharField(max_length=200)
        kind = serializers.ChoiceField(choices=[k.value for k in OrganisationKind])

    @extend_schema(responses=OrganisationOut(many=True))
    def get(self, request: Request) -> Response:
        return Response(OrganisationOut(selectors.list_organisations(), many=True).data)

    @extend_schema(request=Input, responses={201: OrganisationOut})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        organisation = services.register_organisation(
            actor=actor, code=data["code"], name=data["name"], kind=OrganisationKind(data["kind"])
        )
        return Response(OrganisationOut(organisation).data, status=status.HTTP_201_CREATED)


class UserListApi(APIView):
    class Input(serializers.Serializer[Any]):
        username = serializers.CharField(max_length=150)
        full_name = serializers.CharField(
            max_length=200, required=False, allow_blank=True, default=""
        )
        email = serializers.EmailField(required=False, allow_blank=True, default="")
        organisation = serializers.CharField(max_length=8)
        role = serializers.ChoiceField(choices=ROLES)
        password = serializers.CharField(max_length=128, write_only=True)

    @extend_schema(responses=UserOut(many=True))
    def get(self, request: Request) -> Response:
        actor = acting_user(request)
        return Response(UserOut(selectors.users_visible_to(actor.as_actor()), many=True).data)

    @extend_schema(request=Input, responses={201: UserOut})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        user = services.register_user(
            actor=actor,
            username=data["username"],
            full_name=data["full_name"],
            email=data["email"],
            organisation=selectors.get_organisation(data["organisation"].upper()),
            role=Role(data["role"]),
            password=data["password"],
        )
        return Response(UserOut(user).data, status=status.HTTP_201_CREATED)


class UserRoleApi(APIView):
    class Input(serializers.Serializer[Any]):
        role = serializers.ChoiceField(choices=ROLES)

    @extend_schema(request=Input, responses=UserOut)
    def post(self, request: Request, user_id: int) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        user = selectors.get_user(user_id, viewer=actor.as_actor())
        return Response(
            UserOut(services.change_role(actor=actor, user=user, role=Role(data["role"]))).data
        )


class UserPasswordApi(APIView):
    class Input(serializers.Serializer[Any]):
        new_password = serializers.CharField(max_length=128, write_only=True)

    @extend_schema(request=Input, responses=UserOut)
    def post(self, request: Request, user_id: int) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        user = selectors.get_user(user_id, viewer=actor.as_actor())
        return Response(
            UserOut(
                services.reset_password(actor=actor, user=user, new_password=data["new_password"])
            ).data
        )


class UserDeactivateApi(APIView):
    @extend_schema(request=None, responses=UserOut)
    def post(self, request: Request, user_id: int) -> Response:
        actor = acting_user(request)
        user = selectors.get_user(user_id, viewer=actor.as_actor())
        return Response(UserOut(services.deactivate_user(actor=actor, user=user)).data)


class MeApi(APIView):
    @extend_schema(responses=UserOut)
    def get(self, request: Request) -> Response:
        return Response(UserOut(acting_user(request)).data)


class TokenListApi(APIView):
    class Input(serializers.Serializer[Any]):
        name = serializers.CharField(max_length=100)

    class Issued(TokenOut):
        token = serializers.CharField(help_text="the secret: shown once, never again")

        class Meta(TokenOut.Meta):
            fields = [*TokenOut.Meta.fields, "token"]

    @extend_schema(responses=TokenOut(many=True))
    def get(self, request: Request) -> Response:
        return Response(TokenOut(selectors.tokens_of(acting_user(request)), many=True).data)

    @extend_schema(request=Input, responses={201: Issued})
    def post(self, request: Request) -> Response:
        actor = acting_user(request)
        data = validated(self.Input, request.data)
        token, secret = services.issue_api_token(actor=actor, name=data["name"])
        return Response({**TokenOut(token).data, "token": secret}, status=status.HTTP_201_CREATED)


class TokenRevokeApi(APIView):
    @extend_schema(request=None, responses=TokenOut)
    def post(self, request: Request, token_id: int) -> Response:
        actor = acting_user(request)
        token = selectors.get_own_token(token_id, user=actor)
        return Response(TokenOut(services.revoke_api_token(actor=actor, token=token)).data)
