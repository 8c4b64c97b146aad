package org.restrictionledger.query.web;

import org.restrictionledger.events.Effective;
import org.restrictionledger.events.Money;
import org.restrictionledger.events.catalog.Platforms;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the status page writes values for people: dates as precise as their sources, amounts with grouping. */
final class Text {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Text() {
    }

    /** "2026-02-12", "Feb 2026" or "2025": a month-precise date must not read as the 1st of the month. */
    static String effective(Effective effective) {
        if (effective == null) {
            return "";
        }
        return switch (effective.precision()) {
            case DAY -> effective.date().toString();
            case MONTH -> MONTH.format(effective.date());
            case YEAR -> Integer.toString(effective.date().getYear());
        };
    }

    static String recorded(Instant instant) {
        return instant == null ? "" : RECORDED.format(instant);
    }

    /** "4,000,000.00 RUB": exact (BigDecimal), never through a double. */
    static String money(Money money) {
        DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(Math.max(0, Math.min(money.amount().scale(), 10)));
        return format.format(money.amount()) + " " + money.currency();
    }

    static List<String> money(List<Money> amounts) {
        return amounts.stream().map(Text::money).toList();
    }

    /** FULL_BLOCK → "Full block". */
    static String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        String words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** voice_calls → "voice calls". */
    static String features(List<String> features) {
        return features.stream().map(f -> f.replace('_', ' ')).collect(Collectors.joining(", "));
    }

    /** The catalogue's display name of a platform slug (WhatsApp for whatsapp). */
    static String platformName(String slug) {
        return Platforms.resolve(slug).map(p -> p.name()).orElse(slug);
    }
}
