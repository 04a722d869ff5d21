package dev.gearbox.server.chat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.util.Locale;

/**
 * The request body must be JSON. A missing Content-Type is accepted (some SDKs omit it), and so
 * is {@code application/x-www-form-urlencoded}, which {@code curl -d} sends by default with a JSON
 * body; {@code application/json} and any {@code +json} type pass; anything else is a 415.
 */
final class JsonContentType {
    private JsonContentType() {
    }

    static void require(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        int semicolon = contentType.indexOf(';');
        String mime = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        if (mime.equals("application/json") || mime.endsWith("+json")
                || mime.equals("application/x-www-form-urlencoded")) {
            return;
        }
        throw new GatewayException(ErrorKind.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + contentType + "' is not supported; send the request body as application/json");
    }
}
