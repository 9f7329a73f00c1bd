import javax.security.auth.x500.X500Principal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
/** Prints, for each hex DER Name argument, the hex of the UTF-8 of X500Principal.getName(). */
public class NameOf {
    public static void main(String[] args) {
        for (String hex : args) {
            String name = new X500Principal(HexFormat.of().parseHex(hex)).getName();
            System.out.println(HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
