package dev.gearbox.providers.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where a request goes at the connection level: scheme, host and port. Connections are pooled
 * per origin, so two deployments at the same endpoint share keep-alive connections.
 */
public record Origin(String scheme, String host, int port) {

    public Origin {
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported upstream scheme: " + scheme);
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("upstream URI has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("upstream port out of range: " + port);
        }
    }

    /** The origin of an absolute http(s) URI; the port defaults to 80 or 443. */
    public static Origin of(URI uri) {
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream URI must be absolute http(s): " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Origin(scheme, host, port);
    }

    public boolean secure() {
        return scheme.equals("https");
    }

    /** {@code host:port}, as used in error messages. */
    public String authority() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The {@code Host} header value: the port only when it is not the scheme's default. */
    public String hostHeader() {
        boolean defaultPort = secure() ? port == 443 : port == 80;
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }
}
