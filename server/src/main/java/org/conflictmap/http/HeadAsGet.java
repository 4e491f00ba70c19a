package org.conflictmap.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * HEAD answers exactly as GET would (status, headers, Content-Type and Content-Length) with no
 * body: the request is routed as a GET, and what the handler writes is counted, not sent. Only the
 * routes know what a GET answers, so HEAD needs no routes of its own.
 */
final class HeadAsGet implements Filter {
  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http)
        || !(response instanceof HttpServletResponse out)
        || !"HEAD".equals(http.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    Counted counted = new Counted(out);
    chain.doFilter(new AsGet(http), counted);
    counted.finish();
  }

  private static final class AsGet extends HttpServletRequestWrapper {
    AsGet(HttpServletRequest r) {
      super(r);
    }

    @Override
    public String getMethod() {
      return "GET";
    }
  }

  /** Counts the body a GET would have sent, and sends only its length. */
  private static final class Counted extends HttpServletResponseWrapper {
    private final Counter counter = new Counter();
    private PrintWriter writer;
    private boolean lengthSet;

    Counted(HttpServletResponse r) {
      super(r);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      return counter;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        String name = getCharacterEncoding();
        Charset cs = name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        writer = new PrintWriter(new OutputStreamWriter(counter, cs));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      lengthSet = true;
      super.setContentLength(len);
    }

    @Override
    public void setContentLengthLong(long len) {
      lengthSet = true;
      super.setContentLengthLong(len);
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) lengthSet = true;
      super.setHeader(name, value);
    }

    @Override
    public void flushBuffer() {
      // nothing is sent before the length is known
    }

    void finish() throws IOException {
      if (writer != null) writer.flush();
      if (!lengthSet && !isCommitted()) super.setContentLengthLong(counter.count);
      super.flushBuffer();
    }
  }

  private static final class Counter extends ServletOutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
      try {
        listener.onWritePossible();
      } catch (IOException e) {
        listener.onError(e);
      }
    }
  }
}
