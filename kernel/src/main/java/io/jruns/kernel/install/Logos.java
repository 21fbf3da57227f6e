package io.jruns.kernel.install;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Draws the kernel's logo (a falling loss curve on a rounded tile) at the sizes Jupyter looks for. */
final class Logos {
    private Logos() {
    }

    static void write(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        for (int size : new int[] {32, 64}) {
            ImageIO.write(draw(size), "png", dir.resolve("logo-" + size + "x" + size + ".png").toFile());
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float s = size;
        g.setColor(new Color(0x1F3A5F));
        g.fill(new RoundRectangle2D.Float(0, 0, s, s, s / 4, s / 4));
        Path2D.Float curve = new Path2D.Float();
        curve.moveTo(s * 0.18, s * 0.22);
        curve.curveTo(s * 0.30, s * 0.70, s * 0.50, s * 0.74, s * 0.82, s * 0.78);
        g.setColor(new Color(0xF29F05));
        g.setStroke(new BasicStroke(s / 10, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(curve);
        g.setColor(Color.WHITE);
        float r = s / 7;
        g.fill(new java.awt.geom.Ellipse2D.Float(s * 0.82f - r / 2, s * 0.78f - r / 2, r, r));
        g.dispose();
        return img;
    }
}
