/**
 * The terminal channel (DESIGN, Terminal channel): one WebSocket per signed-in terminal, JSON
 * text frames with a {@code type}, each one checked before it changes anything; a refused frame
 * gets an {@code error} frame and the channel stays open.
 */
package org.cascade.swarm.web;
