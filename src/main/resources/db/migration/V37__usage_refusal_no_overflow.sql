-- usage_refusal() of V14 with the monthly limit compared without an addition: month-to-date + a charge near the
-- largest a request may carry overflowed bigint ("bigint out of range"), so such an event failed its whole batch and
-- was answered 500 instead of 403 member_limit_reached. ChargeRules compares the same way; the table of cases has it.
CREATE OR REPLACE FUNCTION usage_refusal(p_org_active boolean, p_paused boolean, p_spenders text, p_selected uuid[],
                                         p_payer uuid, p_role text, p_limit bigint, p_month_to_date bigint,
                                         p_balance bigint, p_micros bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN NOT p_org_active THEN 'org_archived'
        WHEN p_paused THEN 'billing_paused'
        WHEN p_role IS NULL THEN 'not_member'
        WHEN NOT (p_spenders = 'all_members'
                  OR (p_spenders = 'managers' AND p_role IN ('owner', 'admin'))
                  OR (p_spenders = 'selected' AND p_payer = ANY (p_selected))) THEN 'policy_denied'
        WHEN p_limit IS NOT NULL AND p_micros > p_limit - p_month_to_date THEN 'member_limit_reached'
        WHEN p_balance < p_micros THEN 'insufficient_balance'
    END
$$;
