/**
 * The HTTP API: place an order, read its status and history.
 */
@NullMarked
package dev.choreo.sample.web;

import org.jspecify.annotations.NullMarked;
