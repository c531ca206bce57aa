package org.cascade.swarm.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Notes the address a terminal channel is opened from, for the online terminals table (spec
 * FIG. 3A "IP address"): the WebSocket API does not give the handshake's remote address, the
 * session does.
 */
@WebFilter("/terminal/channel")
public class ChannelAddress extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String ATTRIBUTE = ChannelAddress.class.getName();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, request.getRemoteAddr());
        }
        chain.doFilter(request, response);
    }
}
