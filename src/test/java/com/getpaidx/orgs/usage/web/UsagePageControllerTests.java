package com.getpaidx.orgs.usage.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.usage.SpendPolicyManagement;
import com.getpaidx.orgs.usage.Spenders;
import com.getpaidx.orgs.usage.WorkspaceManagement;
import com.getpaidx.orgs.usage.WorkspaceProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class UsagePageControllerTests {

    private final CurrentUser user = new CurrentUser(new UserId(UUID.randomUUID()), "ada@example.com", "Ada");
    private final WorkspaceManagement workspaces = mock(WorkspaceManagement.class);

    private UsagePageController controller(boolean localRegistration) {
        return new UsagePageController(mock(SpendPolicyManagement.class), null, workspaces,
                new WorkspaceProperties(localRegistration), environment("local"));
    }

    private static com.getpaidx.orgs.shared.GetPaidXProperties environment(String name) {
        // production requires a base URL
        return new com.getpaidx.orgs.shared.GetPaidXProperties(name, java.net.URI.create("https://orgs.example.com"), null,
                java.nio.file.Path.of(".data/service-token"));
    }

    @Test
    void localRegistrationIsOnLocallyAndOffInProductionUnlessSet() {
        assertThat(new WorkspaceProperties(null).localRegistrationIn(environment("local"))).isTrue();
        assertThat(new WorkspaceProperties(null).localRegistrationIn(environment("production"))).isFalse();
        assertThat(new WorkspaceProperties(true).localRegistrationIn(environment("production"))).isTrue();
        assertThat(new WorkspaceProperties(false).localRegistrationIn(environment("local"))).isFalse();
    }

    @Test
    void withoutLocalRegistrationThereIsNoFormAndItsEndpointAnswers404() {
        when(workspaces.targets(any())).thenReturn(List.of());
        when(workspaces.ownedBy(any())).thenReturn(List.of());
        var model = new ExtendedModelMap();
        controller(false).workspaces(user, model);
        assertThat(model.getAttribute("localRegistration")).isEqualTo(false);

        assertThatThrownBy(() -> controller(false).register(user, "ws-1", "Notebook", new RedirectAttributesModelMap()))
                .isInstanceOfSatisfying(ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
        verify(workspaces, never()).registerOwn(any(), any(), any());
    }

    @Test
    void withLocalRegistrationTheSignedInUserRegistersTheirOwn() {
        controller(true).register(user, "ws-1", "Notebook", new RedirectAttributesModelMap());
        verify(workspaces).registerOwn("ws-1", user.id(), "Notebook");
    }

    @Test
    void blankCreditFieldsAreNoLimitAndAWrongOneIsNamed() {
        var policy = new SpendPolicyForm("selected", null, " ", "", null).policy();
        assertThat(policy.spenders()).isEqualTo(Spenders.SELECTED);
        assertThat(policy.memberMonthlyLimit()).isNull();
        assertThat(policy.lowBalanceThreshold()).isNull();
        assertThat(policy.paused()).isFalse();
        assertThat(new SpendPolicyForm("all_members", null, "12.5", null, true).policy().memberMonthlyLimit())
                .hasToString("12.5");

        assertThatThrownBy(() -> new SpendPolicyForm("all_members", null, null, "-1", null).policy())
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("lowBalanceThreshold: ");
    }

    @Test
    void billToIsPersonalOrAnOrganizationId() {
        assertThat(BillingChoice.of("personal").org()).isNull();
        UUID org = UUID.randomUUID();
        assertThat(BillingChoice.of(org.toString()).org().value()).isEqualTo(org);
        assertThatThrownBy(() -> BillingChoice.of("acme")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("billTo: ");
    }
}
