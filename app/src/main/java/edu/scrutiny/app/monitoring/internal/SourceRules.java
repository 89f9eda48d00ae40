package edu.scrutiny.app.monitoring.internal;

import edu.scrutiny.app.support.InvalidInput;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Where a server may fetch a list from. A list source is fetched by the server on a schedule, so
 * without rules it would read any file the server can read and reach any address the server can
 * reach (its own loopback services, the cloud metadata address, the private network). The rules:
 * https URLs only ({@code allowHttp} adds http); hosts whose every address {@code addressAllowed}
 * accepts (the settings: {@link #isPublic}, or any with {@code allow-private-addresses}, for tests
 * serving files from loopback), checked when the source is recorded and again before each
 * connection and each redirect; a local path
 * only inside {@code importDirectory} (normalised, symlinks resolved); at most {@code maxBytes}
 * read. The command line's own file arguments ({@code lists import PATH}) are not sources and are
 * not bound by these rules.
 */
public record SourceRules(boolean allowHttp, Predicate<InetAddress> addressAllowed, Path importDirectory, long maxBytes) {
    private static final String FIELD = "URL_OR_PATH";

    /** The rules the settings give: public addresses only unless {@code allowPrivateAddresses}. */
    public static SourceRules of(boolean allowHttp, boolean allowPrivateAddresses, Path importDirectory, long maxBytes) {
        return new SourceRules(allowHttp, allowPrivateAddresses ? a -> true : SourceRules::isPublic, importDirectory, maxBytes);
    }

    public SourceRules {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("scrutiny.sources.max-bytes must be at least 1, not " + maxBytes);
        }
        importDirectory = importDirectory.toAbsolutePath().normalize();
    }

    /** Rules that let anything through: for code (and tests) that fetch what they were given, not what a user stored. */
    public static SourceRules unrestricted(long maxBytes) {
        return new SourceRules(true, a -> true, Path.of("/"), maxBytes);
    }

    /**
     * Checks a location as it is recorded, with a message naming what is wrong and the setting that
     * would allow it; returns it as it is to be stored (a path absolute and normalised).
     */
    public String checkRecorded(String location, String source) {
        if (Fetcher.isUrl(location)) {
            URI uri;
            try {
                uri = URI.create(location.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(source, FIELD, "'" + location + "' is not a valid URL");
            }
            String problem = urlProblem(uri, false);
            if (problem != null) {
                throw new InvalidInput(source, FIELD, problem);
            }
            return uri.toString();
        }
        Path path = insideImportDirectory(location);
        if (path == null) {
            throw new InvalidInput(source, FIELD, "'" + location + "' is outside the import directory " + importDirectory
                    + " (scrutiny.sources.import-directory): a server reads list files only from there");
        }
        if (!Files.exists(path)) {
            throw new InvalidInput(source, FIELD, location + ": no such file or directory in the import directory");
        }
        return path.toString();
    }

    /**
     * What is wrong with fetching this URL now, or null when nothing is: its scheme, or a host that
     * does not resolve or resolves to an address that is not public. Called before every connection
     * (the first and each redirect), so that a name that resolved to a public address when the
     * source was recorded and to an internal one later is refused. The connection that follows at
     * once resolves the name through the JVM's address cache ({@code networkaddress.cache.ttl}, 30
     * seconds by default), so it reaches the addresses checked here.
     *
     * @param mustResolve whether a name that does not resolve is a problem (when connecting; when a
     *                    source is recorded its name may not resolve yet, and is checked again later)
     */
    public String urlProblem(URI uri, boolean mustResolve) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return "'" + uri + "' is not an https URL" + (scheme.equals("http") ? " (plain http needs scrutiny.sources.allow-http)" : "");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return "'" + uri + "' names no host";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return mustResolve ? "the host of '" + uri + "' cannot be resolved" : null;
        }
        for (InetAddress a : addresses) {
            if (!addressAllowed.test(a)) {
                return "the host of '" + uri + "' resolves to an address that is not public (loopback, link-local, private or "
                        + "reserved); list sources must be on the internet (scrutiny.sources.allow-private-addresses)";
            }
        }
        return null;
    }

    /**
     * The path, absolute and with symlinks resolved, if it lies inside the import directory (a
     * relative path is taken from there); null otherwise. A path outside is refused before
     * anything is read, so that the answer never tells whether a file outside exists.
     */
    public Path insideImportDirectory(String location) {
        Path p;
        try {
            p = importDirectory.resolve(location.strip()).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
        if (!p.startsWith(importDirectory)) {
            return null;
        }
        if (!Files.exists(p)) {
            return p;
        }
        try {
            Path real = p.toRealPath();
            Path base = Files.exists(importDirectory) ? importDirectory.toRealPath() : importDirectory;
            return real.startsWith(base) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether an address is on the public internet: not the unspecified, loopback, link-local
     * (169.254/16 with the cloud metadata service, fe80::/10), site-local or private (10/8,
     * 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), multicast, benchmark (198.18/15)
     * nor reserved (240/4, 0/8) address; IPv4-mapped and NAT64-embedded IPv6 addresses are judged by
     * the IPv4 address they carry.
     */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || isNat64(b)) {
                return isPublicV4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            int first = b[0] & 0xff;
            return (first & 0xfe) != 0xfc // unique local fc00::/7
                    && !(first == 0 && (b[1] & 0xff) == 0); // ::/16 (unspecified, compatible, loopback)
        }
        return a instanceof Inet4Address && isPublicV4(b);
    }

    private static boolean isNat64(byte[] b) {
        return (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    }

    private static boolean isPublicV4(byte[] b) {
        int o1 = b[0] & 0xff, o2 = b[1] & 0xff;
        return !(o1 == 0 || o1 == 10 || o1 == 127 || o1 >= 224
                || o1 == 100 && o2 >= 64 && o2 <= 127
                || o1 == 169 && o2 == 254
                || o1 == 172 && o2 >= 16 && o2 <= 31
                || o1 == 192 && o2 == 168
                || o1 == 192 && o2 == 0 && (b[2] & 0xff) == 0
                || o1 == 198 && (o2 == 18 || o2 == 19));
    }
}
