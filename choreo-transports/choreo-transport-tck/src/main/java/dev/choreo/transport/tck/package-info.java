/**
 * The transport contract suite: abstract JUnit Jupiter test classes that every transport
 * module extends to prove its transport against a real broker.
 */
@NullMarked
package dev.choreo.transport.tck;

import org.jspecify.annotations.NullMarked;
