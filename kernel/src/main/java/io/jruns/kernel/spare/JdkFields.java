package io.jruns.kernel.spare;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reads and writes a JDK object's private field, as a spare must to serve a launch as a JVM
 * started for it would: the map behind {@code System.getenv()}, the working directory that
 * {@code java.io} and NIO keep from the JVM's start. Through {@code sun.misc.Unsafe} on JDK 17 to
 * 23; from JDK 24, which warns on that, only where the kernel's options open the field's package
 * ({@code --add-opens}, which {@code jruns install} adds there: see install.JdkOptions), else
 * every call throws.
 */
final class JdkFields {
    private static final boolean UNSAFE = Runtime.version().feature() < 24;

    private JdkFields() {
    }

    static Object read(Object target, Field f) throws ReflectiveOperationException {
        if (!UNSAFE) {
            f.setAccessible(true);
            return f.get(target);
        }
        Unsafe u = Unsafe.INSTANCE;
        return u.getObject.invoke(u.unsafe, base(u, target, f), offset(u, f));
    }

    /**
     * Also a final instance field's: HotSpot folds only trusted finals (records, java.lang.invoke)
     * into compiled code, and none of these is one.
     */
    static void write(Object target, Field f, Object value) throws ReflectiveOperationException {
        if (!UNSAFE) {
            f.setAccessible(true);
            f.set(target, value);
            return;
        }
        Unsafe u = Unsafe.INSTANCE;
        u.putObject.invoke(u.unsafe, base(u, target, f), offset(u, f), value);
    }

    private static Object base(Unsafe u, Object target, Field f) throws ReflectiveOperationException {
        return Modifier.isStatic(f.getModifiers()) ? u.staticFieldBase.invoke(u.unsafe, f) : target;
    }

    private static long offset(Unsafe u, Field f) throws ReflectiveOperationException {
        Method m = Modifier.isStatic(f.getModifiers()) ? u.staticFieldOffset : u.objectFieldOffset;
        return (Long) m.invoke(u.unsafe, f);
    }

    /** sun.misc.Unsafe by name: javac warns on the type. */
    private static final class Unsafe {
        static final Unsafe INSTANCE = new Unsafe();
        final Object unsafe;
        final Method objectFieldOffset;
        final Method staticFieldOffset;
        final Method staticFieldBase;
        final Method getObject;
        final Method putObject;

        private Unsafe() {
            try {
                Class<?> c = Class.forName("sun.misc.Unsafe");
                Field theUnsafe = c.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true); // jdk.unsupported opens sun.misc
                unsafe = theUnsafe.get(null);
                objectFieldOffset = c.getMethod("objectFieldOffset", Field.class);
                staticFieldOffset = c.getMethod("staticFieldOffset", Field.class);
                staticFieldBase = c.getMethod("staticFieldBase", Field.class);
                getObject = c.getMethod("getObject", Object.class, long.class);
                putObject = c.getMethod("putObject", Object.class, long.class, Object.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("sun.misc.Unsafe is not there", e);
            }
        }
    }
}
