package dev.goodput.chart.export;

import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2DIOException;
import org.apache.batik.svggen.SVGSyntax;
import org.w3c.dom.Element;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

/**
 * Embeds the images a chart draws (e.g. timeline lanes) as base64 PNG data URLs, encoded by the JDK. Batik's
 * own encoder needs a PNG writer from batik-codec, which would drag in Batik's whole SVG renderer, and it
 * breaks the base64 into lines.
 */
final class SvgImageEncoder extends ImageHandlerBase64Encoder {
    @Override
    public void handleHREF(RenderedImage image, Element imageElement, SVGGeneratorContext context)
            throws SVGGraphics2DIOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            PngChartWriter.write(image, png);
        } catch (IOException e) {
            throw new SVGGraphics2DIOException(e);
        }
        imageElement.setAttributeNS(SVGSyntax.XLINK_NAMESPACE_URI, SVGSyntax.XLINK_HREF_QNAME,
                SVGSyntax.DATA_PROTOCOL_PNG_PREFIX + Base64.getEncoder().encodeToString(png.toByteArray()));
    }
}
