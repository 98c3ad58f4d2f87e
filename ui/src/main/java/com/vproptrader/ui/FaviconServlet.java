package com.vproptrader.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/** Serves the tab icon at /favicon.ico (a PNG, which every browser accepts there); open without a login. */
public final class FaviconServlet extends HttpServlet {

    private static final byte[] ICON = load();

    private static byte[] load() {
        try (InputStream in = FaviconServlet.class.getResourceAsStream("favicon.png")) {
            if (in == null) {
                throw new IllegalStateException("favicon.png missing from the UI's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("image/png");
        response.setHeader("Cache-Control", "max-age=86400");
        response.setContentLength(ICON.length);
        response.getOutputStream().write(ICON);
    }
}
