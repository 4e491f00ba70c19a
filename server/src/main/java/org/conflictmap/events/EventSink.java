package org.conflictmap.events;

import java.io.IOException;

/** Takes events one at a time as they are read, so a page never exists whole in memory. */
@FunctionalInterface
public interface EventSink {
  void accept(Event e) throws IOException;
}
