package org.restrictionledger.events.catalog;

import org.restrictionledger.events.StreamId;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms the ledger knows by name, with their aliases and owners. A report may also name a platform that is
 * not here yet by a well-formed slug ({@link StreamId#PLATFORM}); it is recorded under that slug.
 */
public final class Platforms {

    public static final List<Platform> KNOWN = List.of(
            new Platform("whatsapp", "WhatsApp", "Meta Platforms", List.of("whats app", "wa")),
            new Platform("facebook", "Facebook", "Meta Platforms", List.of("fb")),
            new Platform("instagram", "Instagram", "Meta Platforms", List.of("insta", "ig")),
            new Platform("messenger", "Messenger", "Meta Platforms", List.of("facebook messenger")),
            new Platform("threads", "Threads", "Meta Platforms", List.of()),
            new Platform("telegram", "Telegram", "Telegram FZ-LLC", List.of("tg", "telegram messenger")),
            new Platform("youtube", "YouTube", "Google (Alphabet)", List.of("you tube", "yt")),
            new Platform("google", "Google Search", "Google (Alphabet)", List.of("google search")),
            new Platform("facetime", "FaceTime", "Apple", List.of("face time")),
            new Platform("imessage", "iMessage", "Apple", List.of()),
            new Platform("max", "MAX", "VK", List.of("max messenger")),
            new Platform("vk", "VK", "VK", List.of("vkontakte")),
            new Platform("signal", "Signal", "Signal Technology Foundation", List.of("signal messenger")),
            new Platform("x", "X", "X Corp.", List.of("twitter", "x twitter", "x formerly twitter")),
            new Platform("tiktok", "TikTok", "ByteDance", List.of("tik tok", "douyin")),
            new Platform("viber", "Viber", "Rakuten", List.of()),
            new Platform("discord", "Discord", "Discord Inc.", List.of()),
            new Platform("snapchat", "Snapchat", "Snap Inc.", List.of("snap")),
            new Platform("linkedin", "LinkedIn", "Microsoft", List.of("linked in")),
            new Platform("skype", "Skype", "Microsoft", List.of()),
            new Platform("wechat", "WeChat", "Tencent", List.of("weixin")),
            new Platform("twitch", "Twitch", "Amazon", List.of()),
            new Platform("wikipedia", "Wikipedia", "Wikimedia Foundation", List.of()),
            new Platform("zoom", "Zoom", "Zoom Communications", List.of()),
            new Platform("roblox", "Roblox", "Roblox Corporation", List.of()),
            new Platform("soundcloud", "SoundCloud", "SoundCloud", List.of()),
            new Platform("proton-vpn", "Proton VPN", "Proton AG", List.of("protonvpn")));

    private static final Map<String, Platform> BY_KEY = new HashMap<>();

    static {
        for (Platform platform : KNOWN) {
            BY_KEY.put(Names.key(platform.slug()), platform);
            BY_KEY.put(Names.key(platform.name()), platform);
            platform.aliases().forEach(alias -> BY_KEY.put(Names.key(alias), platform));
        }
    }

    private Platforms() {
    }

    /**
     * The platform a name, alias or slug means, in any case; a well-formed slug not in the catalogue becomes a new
     * platform of that slug. Empty when the text is neither.
     */
    public static Optional<Platform> resolve(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Platform known = BY_KEY.get(Names.key(text));
        if (known != null) {
            return Optional.of(known);
        }
        String slug = text.strip().toLowerCase(Locale.ROOT);
        return StreamId.PLATFORM.matcher(slug).matches()
                ? Optional.of(new Platform(slug, text.strip(), null, List.of()))
                : Optional.empty();
    }
}
