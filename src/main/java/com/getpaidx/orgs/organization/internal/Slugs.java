package com.getpaidx.orgs.organization.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.getpaidx.orgs.shared.InvalidInput;

/** Slugs: {@code [a-z0-9-]{2,40}}, given by the creator or derived from the name. */
public final class Slugs {

    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{2,40}");
    static final int MAX = 40;

    private Slugs() {
    }

    public static String requireValid(String slug) {
        if (slug == null || !VALID.matcher(slug).matches()) {
            throw new InvalidInput("slug", "must be 2 to 40 characters of a-z, 0-9 and -");
        }
        return slug;
    }

    /** "Café Ünïcorn Ltd." becomes "cafe-unicorn-ltd"; a name with no usable letters gets "org-" and a random tail. */
    public static String derive(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug.length() < 2 ? "org-" + randomTail() : slug;
    }

    /** The n-th alternative when the derived slug is taken: "acme-2", "acme-3", … kept within 40 characters. */
    public static String alternative(String base, int attempt) {
        String suffix = attempt < 10 ? "-" + (attempt + 1) : "-" + randomTail();
        String head = base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base;
        return head.replaceAll("-+$", "") + suffix;
    }

    private static String randomTail() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36, 36 * 36 * 36 * 36 * 36), 36);
    }
}
