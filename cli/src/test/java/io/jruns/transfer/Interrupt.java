package io.jruns.transfer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real store seen through a view whose n-th call of one method throws instead of running, as
 * a kill (Ctrl-C, a lost machine) at that point stops the work. Every other call goes to the store.
 */
final class Interrupt {
    private Interrupt() {
    }

    static final class Killed extends RuntimeException {
        Killed(String where) {
            super("killed at " + where);
        }
    }

    static <T> T at(Class<T> type, T store, String method, int nth) {
        AtomicInteger calls = new AtomicInteger();
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, m, args) -> {
            if (m.getName().equals(method) && calls.incrementAndGet() == nth) throw new Killed(method + " call " + nth);
            try {
                return m.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
