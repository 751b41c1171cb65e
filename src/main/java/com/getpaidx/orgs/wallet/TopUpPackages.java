package com.getpaidx.orgs.wallet;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.Money;

/**
 * {@code getpaidx.topup-packages[n].id|name|credits|price-minor|currency}; the defaults (starter,
 * team, scale) are in application.properties.
 *
 * @param topupPackages credit packages on sale, each {@code [n].id}, {@code .name}, {@code .credits} (whole
 *        credits), {@code .price-minor} and {@code .currency}
 */
@ConfigurationProperties("getpaidx")
public record TopUpPackages(List<Entry> topupPackages) {

    public record Entry(String id, String name, long credits, long priceMinor, String currency) {
    }

    public TopUpPackages {
        topupPackages = topupPackages == null ? List.of() : List.copyOf(topupPackages);
    }

    public List<TopUpPackage> all() {
        return topupPackages.stream()
                .map(e -> new TopUpPackage(e.id(), e.name(), Credits.ofWhole(e.credits()), new Money(e.priceMinor(), e.currency())))
                .toList();
    }

    public Optional<TopUpPackage> find(String id) {
        return all().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
