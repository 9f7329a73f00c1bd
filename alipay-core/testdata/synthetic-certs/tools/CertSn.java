import java.io.FileInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Mirrors AntCertificationUtil.getCertSN / getRootCertSN of alipay-sdk-java (JDK provider). */
public class CertSn {
    public static void main(String[] args) throws Exception {
        boolean root = args[0].equals("root");
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        StringBuilder out = new StringBuilder();
        try (FileInputStream in = new FileInputStream(args[1])) {
            for (Certificate c0 : cf.generateCertificates(in)) {
                X509Certificate c = (X509Certificate) c0;
                String name = c.getIssuerX500Principal().getName();
                System.err.println("  sigalg=" + c.getSigAlgOID() + " issuer=" + name + " serial=" + c.getSerialNumber());
                if (root && !c.getSigAlgOID().startsWith("1.2.840.113549.1.1")) continue;
                MessageDigest md = MessageDigest.getInstance("MD5");
                md.update((name + c.getSerialNumber()).getBytes(StandardCharsets.UTF_8));
                String sn = String.format("%032x", new BigInteger(1, md.digest()));
                if (out.length() > 0) out.append('_');
                out.append(sn);
                if (!root) break;
            }
        }
        System.out.println(out);
    }
}
