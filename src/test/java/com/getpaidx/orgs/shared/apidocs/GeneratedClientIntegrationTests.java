package com.getpaidx.orgs.shared.apidocs;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.client.ApiClient;
import com.getpaidx.orgs.client.ApiException;
import com.getpaidx.orgs.client.api.AccountApi;
import com.getpaidx.orgs.client.api.InvitationApi;
import com.getpaidx.orgs.client.api.MembershipApi;
import com.getpaidx.orgs.client.api.SandboxApi;
import com.getpaidx.orgs.client.api.SeatApi;
import com.getpaidx.orgs.client.api.UsageApi;
import com.getpaidx.orgs.client.api.WalletApi;
import com.getpaidx.orgs.client.model.AuditEvent;
import com.getpaidx.orgs.client.model.BindRequest;
import com.getpaidx.orgs.client.model.ChargedResponse;
import com.getpaidx.orgs.client.model.CheckoutRequest;
import com.getpaidx.orgs.client.model.ConfirmRequest;
import com.getpaidx.orgs.client.model.CreateRequest;
import com.getpaidx.orgs.client.model.EntitlementResponse;
import com.getpaidx.orgs.client.model.InvitationTokenRequest;
import com.getpaidx.orgs.client.model.InviteRequest;
import com.getpaidx.orgs.client.model.IssuedResponse;
import com.getpaidx.orgs.client.model.MembershipResponse;
import com.getpaidx.orgs.client.model.OrgResponse;
import com.getpaidx.orgs.client.model.Problem;
import com.getpaidx.orgs.client.model.RegisterRequest;
import com.getpaidx.orgs.client.model.SeatsResponse;
import com.getpaidx.orgs.client.model.SignUpRequest;
import com.getpaidx.orgs.client.model.TokenRequest;
import com.getpaidx.orgs.client.model.TopUpRequest;
import com.getpaidx.orgs.client.model.TopUpResponse;
import com.getpaidx.orgs.client.model.UsageEventRequest;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The main flow driven by the Java client the build generates from docs/openapi.json (openapi-generator, the
 * {@code native} library on java.net.http; it uses Jackson 2, in test scope only). Typed results all the way,
 * including a typed problem.
 */
@IntegrationTest
class GeneratedClientIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(api.baseUrl());
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private String signUpAndSignIn(String email) throws ApiException {
        AccountApi anonymous = new AccountApi(client(null));
        UUID userId = anonymous.signUp(new SignUpRequest().email(email).password(Api.PASSWORD).displayName("Ada"))
                .getUserId();
        assertThat(userId).isNotNull();
        return anonymous.issueToken(new TokenRequest().email(email).password(Api.PASSWORD)).getToken();
    }

    @Test
    void theMainFlowThroughTheGeneratedClient() throws ApiException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = "client-owner-" + suffix + "@example.com";
        String memberEmail = "client-member-" + suffix + "@example.com";
        String ownerToken = signUpAndSignIn(ownerEmail);
        String memberToken = signUpAndSignIn(memberEmail);
        UUID memberId = new AccountApi(client(memberToken)).me().getUserId();

        MembershipApi owner = new MembershipApi(client(ownerToken));
        OrgResponse org = owner.create(new CreateRequest().name("Client Org " + suffix));
        assertThat(org.getMyRole()).isEqualTo(OrgResponse.MyRoleEnum.OWNER);

        InvitationApi invitations = new InvitationApi(client(ownerToken));
        IssuedResponse invitation = invitations.invite(org.getId(),
                new InviteRequest().email(memberEmail).role(InviteRequest.RoleEnum.MEMBER));
        new AccountApi(client(memberToken)).confirmVerification(
                new ConfirmRequest().token(fixtures.verificationToken(memberEmail, 1)));
        MembershipResponse joined = new InvitationApi(client(memberToken))
                .accept(new InvitationTokenRequest().token(invitation.getToken()));
        assertThat(joined.getOrgId()).isEqualTo(org.getId());
        assertThat(joined.getRole()).isEqualTo(MembershipResponse.RoleEnum.MEMBER);

        ApiException again = catchThrowableOfType(ApiException.class, () -> invitations.invite(org.getId(),
                new InviteRequest().email(memberEmail).role(InviteRequest.RoleEnum.MEMBER)));
        Problem problem = problem(again);
        assertThat(again.getCode()).isEqualTo(409);
        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getCode()).isEqualTo("already_member");

        WalletApi wallet = new WalletApi(client(ownerToken));
        TopUpResponse topUp = wallet.startTopUp(org.getId(), new TopUpRequest().packageId("starter"), "client-" + suffix);
        new SandboxApi(client(null)).complete(sessionOf(topUp.getCheckoutUrl()), null);
        await().atMost(Duration.ofSeconds(15)).until(() -> wallet.wallet(org.getId()).getBalance(), "1000"::equals);

        String workspace = "ws-client-" + suffix;
        UsageApi service = new UsageApi(client(api.serviceToken()));
        service.register(workspace, new RegisterRequest().ownerUserId(memberId).name("Notebook"));
        new UsageApi(client(memberToken)).bind(workspace, new BindRequest().target(BindRequest.TargetEnum.ORG)
                .orgId(org.getId()));
        ChargedResponse charged = service.report(new UsageEventRequest().eventId("evt-client-" + suffix)
                .workspaceId(workspace).userId(memberId).credits("12.5").kind("chat").model("gpt-x")
                .occurredAt(OffsetDateTime.now(ZoneOffset.UTC)));
        assertThat(charged.getBalanceAfter()).isEqualTo("987.5");

        SeatApi seats = new SeatApi(client(ownerToken));
        String checkout = seats.checkout(org.getId(), new CheckoutRequest().quantity(2)).getCheckoutUrl();
        new SandboxApi(client(null)).complete(sessionOf(checkout), null);
        await().atMost(Duration.ofSeconds(15)).until(() -> seats.seats(org.getId()).getPaid(), paid -> paid == 2);
        seats.assign(org.getId(), memberId);
        SeatsResponse bought = seats.seats(org.getId());
        assertThat(bought.getAssigned()).isEqualTo(1);
        assertThat(bought.getSubscription()).isNotNull();

        EntitlementResponse entitlements = new SeatApi(client(memberToken)).mine1();
        assertThat(entitlements.getPro()).isTrue();
        assertThat(entitlements.getSources()).singleElement().satisfies(source ->
                assertThat(source.getOrgId()).isEqualTo(org.getId()));

        assertThat(owner.auditEvents(org.getId(), null, null, 200, null).getItems()).extracting(AuditEvent::getAction)
                .contains("organization.created", "invitation.accepted", "seat.assigned");
    }

    private static Problem problem(ApiException e) {
        try {
            return new ObjectMapper().readValue(e.getResponseBody(), Problem.class);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException notAProblem) {
            throw new AssertionError("not a problem: " + e.getResponseBody(), notAProblem);
        }
    }

    private static String sessionOf(String checkoutUrl) {
        String path = URI.create(checkoutUrl).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
